/* salesbi dashboards: the journey page (filled in below). */
