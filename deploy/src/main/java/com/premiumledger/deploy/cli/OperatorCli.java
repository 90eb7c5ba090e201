package com.premiumledger.deploy.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code premium-ops}: the operators' command line over the services' HTTP endpoints. Each command is one
 * class extending {@link OpsCommand} (connection options, problem+json errors and exit codes come with it) and
 * is listed below.
 *
 * <p>Exit codes: 0 done; 1 the service refused or failed (its problem+json is printed); 2 bad usage;
 * 3 the service could not be reached.
 */
@Command(name = "premium-ops", mixinStandardHelpOptions = true, version = "premium-ops 0.1.0",
        description = "Operate the premium ledger: projection rebuilds with progress, account history as of a date,"
                + " republishing, dead letters,"
                + " closing business days.",
        subcommands = {RebuildCommand.class, StatusCommand.class, HistoryCommand.class, RepublishCommand.class,
                DeadLettersCommand.class,
                CloseDayCommand.class, CommandLine.HelpCommand.class})
public final class OperatorCli {

    static final int EXIT_REFUSED = 1;
    static final int EXIT_UNREACHABLE = 3;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with its subcommands, for {@link #main} and for tests that capture its output. */
    public static CommandLine commandLine() {
        return new CommandLine(new OperatorCli());
    }
}
