package io.pollwatt.verification.cli;

import io.pollwatt.hj212.codec.Direction;
import io.pollwatt.hj212.codec.Mode;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code testbed hj212}: HJ 212-2017 frames and vector files. */
@Command(
        name = "hj212",
        mixinStandardHelpOptions = true,
        versionProvider = Testbed.Version.class,
        description = "HJ 212-2017 frames: check vector files, decode captured streams, encode messages.",
        subcommands = {CheckCommand.class, DecodeCommand.class, EncodeCommand.class})
final class Hj212Command implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command: check, decode or encode");
    }

    /** {@code strict} or {@code lenient}, as on the command line. */
    static final class ModeConverter implements ITypeConverter<Mode> {
        @Override
        public Mode convert(String value) {
            switch (value.toLowerCase(Locale.ROOT)) {
                case "strict":
                    return Mode.STRICT;
                case "lenient":
                    return Mode.LENIENT;
                default:
                    throw new TypeConversionException("expected strict or lenient, got '" + value + "'");
            }
        }
    }

    /** {@code up} or {@code down}, as on the command line and in the vectors. */
    static final class DirectionConverter implements ITypeConverter<Direction> {
        @Override
        public Direction convert(String value) {
            Direction direction = Direction.fromVector(value.toLowerCase(Locale.ROOT));
            if (direction == Direction.UNKNOWN) {
                throw new TypeConversionException("expected up or down, got '" + value + "'");
            }
            return direction;
        }
    }

    /** Completion candidates and the {@code ${COMPLETION-CANDIDATES}} of the help text. */
    static final class Modes implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("strict", "lenient").iterator();
        }
    }

    /** Completion candidates for {@code --direction}. */
    static final class Directions implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("up", "down").iterator();
        }
    }
}
