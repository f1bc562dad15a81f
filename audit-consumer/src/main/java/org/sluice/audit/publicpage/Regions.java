package org.sluice.audit.publicpage;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one place that maps a destination country (ISO 3166-1 alpha-2) to the region the public page
 * shows. A country alone can point at a single partner; a region of many countries does not.
 */
public final class Regions {

    /** The region of a country this table does not list, or of a decision without a destination. */
    public static final String OTHER = "Other or unknown";

    /** Region -> its countries, space-separated; read first, the reverse map is built from it. */
    private static final Map<String, String> REGIONS = regions();

    private static final Map<String, String> REGION_OF = build();

    private Regions() {}

    /** The region of a country. */
    public static String of(String country) {
        if (country == null) {
            return OTHER;
        }
        return REGION_OF.getOrDefault(country.toUpperCase(Locale.ROOT), OTHER);
    }

    /** Counts per country summed per region. */
    public static Map<String, Long> byRegion(Map<String, Long> byCountry) {
        Map<String, Long> regions = new LinkedHashMap<>();
        byCountry.forEach((country, n) -> regions.merge(of(country), n, Long::sum));
        return regions;
    }

    /** Every region and its countries, for the documentation and tests. */
    public static Map<String, List<String>> table() {
        Map<String, List<String>> table = new LinkedHashMap<>();
        REGIONS.forEach((region, countries) -> table.put(region, List.of(countries.split(" "))));
        return table;
    }

    private static Map<String, String> regions() {
        Map<String, String> r = new LinkedHashMap<>();
        r.put(
                "European Union and EEA",
                "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE IS LI NO");
        r.put("Europe outside the EEA", "AL AD AM AZ BY BA FO GE GI GG IM JE XK MD MC ME MK RU SM RS CH TR UA GB VA");
        r.put("North America", "US CA GL BM PM");
        r.put(
                "Latin America and the Caribbean",
                "MX GT BZ HN SV NI CR PA CU DO HT JM TT BS BB AG DM GD KN LC VC PR AW CW AR BO BR CL CO EC GY PY PE SR"
                        + " UY VE");
        r.put("Middle East and North Africa", "DZ BH EG IR IQ IL JO KW LB LY MA OM PS QA SA SY TN AE YE");
        r.put(
                "Sub-Saharan Africa",
                "AO BJ BW BF BI CV CM CF TD KM CD CG CI DJ GQ ER SZ ET GA GM GH GN GW KE LS LR MG MW ML MR MU MZ NA NE"
                        + " NG RW ST SN SC SL SO ZA SS SD TZ TG UG ZM ZW");
        r.put("Central and South Asia", "AF BD BT IN KZ KG MV NP PK LK TJ TM UZ");
        r.put("East and South-East Asia", "BN KH CN HK ID JP KP KR LA MO MY MN MM PH SG TW TH TL VN");
        r.put("Oceania", "AU NZ FJ PG SB VU WS TO KI FM MH NR PW TV");
        return r;
    }

    private static Map<String, String> build() {
        Map<String, String> regionOf = new HashMap<>();
        REGIONS.forEach((region, countries) -> {
            for (String country : countries.split(" ")) {
                if (regionOf.put(country, region) != null) {
                    throw new IllegalStateException(country + " is listed in two regions");
                }
            }
        });
        return Map.copyOf(regionOf);
    }
}
