package org.sluice.cli;

import java.lang.reflect.Constructor;
import picocli.CommandLine;

/** Creates commands with the {@link Session} in their constructor; everything else as picocli would. */
final class CommandFactory implements CommandLine.IFactory {
    private final Session session;

    CommandFactory(Session session) {
        this.session = session;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        if (type == GlobalOptions.class) {
            return type.cast(session.options());
        }
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            if (constructor.getParameterCount() == 1 && constructor.getParameterTypes()[0] == Session.class) {
                return type.cast(constructor.newInstance(session));
            }
        }
        return CommandLine.defaultFactory().create(type);
    }
}
