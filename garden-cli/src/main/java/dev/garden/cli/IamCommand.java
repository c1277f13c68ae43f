package dev.garden.cli;

import picocli.CommandLine.Command;

/** {@code garden iam ...}: gcloud's IAM group; Garden has service accounts and their keys. */
@Command(name = "iam", mixinStandardHelpOptions = true, description = "Manages service accounts and their keys.",
        subcommands = {ServiceAccountsCommand.class})
final class IamCommand {
}
