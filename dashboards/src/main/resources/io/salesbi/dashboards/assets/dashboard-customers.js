/* salesbi dashboards: the customers page (filled in below). */
