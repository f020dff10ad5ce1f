/* salesbi dashboards: the market page (filled in below). */
