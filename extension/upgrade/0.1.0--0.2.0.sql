-- migstat 0.1.0 -> 0.2.0.  Assembled by the Makefile: this header, then the
-- SQL parts added in 0.2.0 (UPGRADE_0_1_0_PARTS).  Objects of 0.1.0 are
-- unchanged in 0.2.0; a changed one would be replaced here, before the parts.

\echo Use "ALTER EXTENSION migstat UPDATE TO '0.2.0'" to load this file. \quit
