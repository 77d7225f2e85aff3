"""Networks of schools (trusts, alliances, hubs, clusters): who belongs, who leads."""
