package io.astroshield.app.cli;

import io.astroshield.domain.DomainException;
import picocli.CommandLine;

/**
 * Turns an exception escaping a subcommand into a one-line message and exit code 2.
 * A person sees the reason, never a stack trace.
 */
final class CliErrors implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        String message = ex instanceof DomainException || ex instanceof io.astroshield.persistence.StoreException || ex instanceof java.io.UncheckedIOException
                || ex instanceof java.io.IOException || ex instanceof IllegalArgumentException
                ? ex.getMessage()
                : ex.getClass().getSimpleName() + ": " + ex.getMessage();
        commandLine.getErr().println("astroshield " + commandLine.getCommandName() + ": " + message);
        return AstroShieldCommand.EXIT_CANNOT_RUN;
    }
}
