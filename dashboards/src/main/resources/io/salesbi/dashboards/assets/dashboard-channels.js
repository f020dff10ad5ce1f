/* salesbi dashboards: the channels page (filled in below). */
