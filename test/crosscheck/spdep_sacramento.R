# Optional cross-check (not part of make test) of the Moran's I and local
# Moran values that test/pgtap/postgis_indices.sql asserts on the Sacramento
# tracts: R's spdep with queen contiguity (poly2nb) and row-standardised
# weights.  Needs Debian's r-cran-spdep and r-cran-sf; run from the
# repository root:  Rscript test/crosscheck/spdep_sacramento.R
suppressMessages({library(sf); library(spdep)})
d <- read.csv("test/data/sacramento/sacramento_tracts.csv", colClasses=c(fips="character"))
g <- st_as_sf(d, wkt="wkt", crs=4326)
sf_use_s2(FALSE)
nb <- poly2nb(g, queen=TRUE)
cat("links", sum(card(nb)), "\n")
lw <- nb2listw(nb, style="W")
v <- d$hisp / d$tot_pop
mt <- moran.test(v, lw, randomisation=TRUE)
print(mt$estimate, digits=17)
lm <- localmoran(v, lw)
o <- order(d$fips)
print(head(cbind(d$fips[o], format(lm[o, "Ii"], digits=17)), 3))
