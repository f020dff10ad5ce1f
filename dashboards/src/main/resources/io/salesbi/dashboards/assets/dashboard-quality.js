/* salesbi dashboards: the quality page (filled in below). */
