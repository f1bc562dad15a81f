package org.sluice.policy.screening;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a consolidated screening list (RFC 4180 CSV, one header row; {@code ;} separates the values of
 * multi-valued columns). Every defect is reported with its row; one defect rejects the whole file.
 */
public final class ScreeningCsv {

    /** Columns a list must have. */
    public static final List<String> REQUIRED =
            List.of("source_list", "entry_id", "type", "name", "alt_names", "country");

    private static final Pattern ENTRY_ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$");
    private static final Pattern COUNTRY = Pattern.compile("^[A-Z]{2}$");
    private static final int MAX_ERRORS = 100;

    private ScreeningCsv() {}

    /** {@code sha256:<hex>} of a list file. */
    public static String digest(String content) {
        return "sha256:" + HexFormat.of().formatHex(sha256(content));
    }

    /**
     * The entries of a list file.
     *
     * @throws ScreeningFileException every defect, with row numbers (at most 100 are listed)
     */
    public static List<ListEntry> parse(String listId, String content) {
        List<ScreeningFileException.RowError> errors = new ArrayList<>();
        List<Record> records = records(content, errors);
        if (records.isEmpty()) {
            errors.add(new ScreeningFileException.RowError(1, null, "the file is empty: a header row is required"));
            throw new ScreeningFileException(errors);
        }
        List<String> header = records.get(0).fields();
        Map<String, Integer> column = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            column.put(header.get(i).trim(), i);
        }
        for (String required : REQUIRED) {
            if (!column.containsKey(required)) {
                errors.add(
                        new ScreeningFileException.RowError(1, required, "the header lacks column '" + required + "'"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ScreeningFileException(errors);
        }
        List<ListEntry> entries = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Record r : records.subList(1, records.size())) {
            if (errors.size() >= MAX_ERRORS) {
                break;
            }
            if (r.fields().size() == 1 && r.fields().get(0).isBlank()) {
                continue;
            }
            if (r.fields().size() != header.size()) {
                errors.add(new ScreeningFileException.RowError(
                        r.row(),
                        null,
                        "expected " + header.size() + " fields, found "
                                + r.fields().size()));
                continue;
            }
            String id = r.fields().get(column.get("entry_id")).trim();
            String type = r.fields().get(column.get("type")).trim();
            String name = r.fields().get(column.get("name")).trim();
            List<String> countries = split(r.fields().get(column.get("country")));
            int before = errors.size();
            if (!ENTRY_ID.matcher(id).matches()) {
                errors.add(new ScreeningFileException.RowError(
                        r.row(), "entry_id", "entry_id '" + id + "' is empty or malformed"));
            } else if (!ids.add(id)) {
                errors.add(new ScreeningFileException.RowError(
                        r.row(), "entry_id", "entry_id '" + id + "' appears twice"));
            }
            if (!type.equals("individual") && !type.equals("entity")) {
                errors.add(new ScreeningFileException.RowError(
                        r.row(), "type", "type must be 'individual' or 'entity', found '" + type + "'"));
            }
            if (name.isEmpty()
                    || NameNormaliser.tokens(name, type.equals("entity")).isEmpty()) {
                errors.add(new ScreeningFileException.RowError(r.row(), "name", "name is empty"));
            }
            for (String c : countries) {
                if (!COUNTRY.matcher(c).matches()) {
                    errors.add(new ScreeningFileException.RowError(
                            r.row(), "country", "'" + c + "' is not an ISO 3166-1 alpha-2 country code"));
                }
            }
            if (errors.size() == before) {
                entries.add(new ListEntry(
                        listId,
                        id,
                        type.equals("entity"),
                        name,
                        split(r.fields().get(column.get("alt_names"))),
                        countries,
                        column.containsKey("programs") ? split(r.fields().get(column.get("programs"))) : List.of(),
                        "sha256:" + HexFormat.of().formatHex(sha256(String.join("\u001f", r.fields())))));
            }
        }
        if (!errors.isEmpty()) {
            throw new ScreeningFileException(errors);
        }
        return entries;
    }

    private record Record(int row, List<String> fields) {}

    /** RFC 4180 records; a record's row is the line it starts on. */
    private static List<Record> records(String content, List<ScreeningFileException.RowError> errors) {
        List<Record> out = new ArrayList<>();
        int line = 1;
        int start = 1;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            any = true;
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < content.length() && content.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"') {
                if (field.length() > 0) {
                    errors.add(new ScreeningFileException.RowError(line, null, "a quote inside an unquoted field"));
                }
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < content.length() && content.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                field.setLength(0);
                out.add(new Record(start, fields));
                fields = new ArrayList<>();
                line++;
                start = line;
                any = false;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            errors.add(new ScreeningFileException.RowError(start, null, "a quoted field is not closed"));
        }
        if (any) {
            fields.add(field.toString());
            out.add(new Record(start, fields));
        }
        return out;
    }

    private static List<String> split(String multi) {
        return Arrays.stream(multi.split(";"))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
