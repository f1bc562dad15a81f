package org.sluice.cli;

import java.util.regex.Pattern;
import picocli.CommandLine;

/** Accepts only what a transfer or package id can look like, so an argument never changes the request path. */
public final class IdConverter implements CommandLine.ITypeConverter<String> {
    private static final Pattern ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$");

    @Override
    public String convert(String value) {
        if (!ID.matcher(value).matches()) {
            throw new CommandLine.TypeConversionException(
                    "'" + value + "' is not an id: expected letters, digits, '.', '_', ':' or '-' (at most 128)");
        }
        return value;
    }
}
