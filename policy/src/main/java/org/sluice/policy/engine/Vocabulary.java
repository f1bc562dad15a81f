package org.sluice.policy.engine;

import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The variables a rule's CEL condition may read, with their types: the facts {@link Facts} computes
 * from {@link DecisionInputs}. Documented in {@code docs/policy.md}; the type checker rejects any other
 * name.
 */
public final class Vocabulary {

    private static final CelType RECORD = MapType.create(SimpleType.STRING, SimpleType.DYN);
    private static final CelType RECORDS = ListType.create(RECORD);
    private static final CelType STRINGS = ListType.create(SimpleType.STRING);

    /** Name to type, in documentation order. */
    public static final Map<String, CelType> VARIABLES = variables();

    private Vocabulary() {}

    private static Map<String, CelType> variables() {
        Map<String, CelType> v = new LinkedHashMap<>();
        v.put("request", RECORD);
        v.put("category", SimpleType.STRING);
        v.put("subjects", SimpleType.INT);
        v.put("sizeBytes", SimpleType.INT);
        v.put("basis", SimpleType.STRING);
        v.put("countries", STRINGS);
        v.put("home", SimpleType.STRING);
        v.put("today", SimpleType.STRING);
        v.put("tables", MapType.create(SimpleType.STRING, STRINGS));
        v.put("thresholds", MapType.create(SimpleType.STRING, SimpleType.INT));
        v.put("partner", RECORD);
        v.put("institution", RECORD);
        v.put("licences", RECORDS);
        v.put("generalLicences", RECORDS);
        v.put("dsa", RECORD);
        v.put("emergencies", RECORDS);
        v.put("screening", RECORDS);
        return java.util.Collections.unmodifiableMap(v);
    }
}
