package org.sluice.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Reads a size such as {@code 1048576}, {@code 512K}, {@code 64M} or {@code 2G} (binary units) as bytes. */
public final class ByteSizeConverter implements CommandLine.ITypeConverter<Long> {
    private static final Pattern SIZE = Pattern.compile("^(\\d{1,15})([KMGT]?)(?:I?B)?$");

    @Override
    public Long convert(String value) {
        Matcher m = SIZE.matcher(value.strip().toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            throw new CommandLine.TypeConversionException(
                    "'" + value + "' is not a size: expected a number of bytes, optionally with K, M, G or T");
        }
        int shift = 10 * ("KMGT".indexOf(m.group(2)) + 1);
        long bytes;
        try {
            bytes = Math.multiplyExact(Long.parseLong(m.group(1)), 1L << shift);
        } catch (ArithmeticException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is too large");
        }
        if (bytes <= 0) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a positive size");
        }
        return bytes;
    }
}
