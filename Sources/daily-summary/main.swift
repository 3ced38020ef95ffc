import DailySummaryJob
import Foundation

exit(
    DailySummaryCommand.main(
        arguments: Array(CommandLine.arguments.dropFirst()),
        environment: ProcessInfo.processInfo.environment))
