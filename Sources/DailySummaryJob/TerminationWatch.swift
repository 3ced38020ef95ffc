import Dispatch
import Foundation

/// Stops the run promptly on SIGTERM or SIGINT, as ECS sends before SIGKILL 30 s later.
///
/// The handler logs `FATAL` and exits at once: the report is only uploaded after the whole
/// day was read, so ending mid-read leaves nothing behind, and the server aborts the COPY
/// when the socket closes.
final class TerminationWatch: @unchecked Sendable {
    private var sources: [DispatchSourceSignal] = []

    init(logger: Logger, stage: @escaping @Sendable () -> String) {
        for signalNumber in [SIGTERM, SIGINT] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(
                signal: signalNumber, queue: .global(qos: .userInitiated))
            let name = signalNumber == SIGTERM ? "SIGTERM" : "SIGINT"
            source.setEventHandler {
                logger.fatal(
                    "run stopped by signal",
                    [("signal", .string(name)), ("stage", .string(stage()))])
                _exit(ExitStatus.terminated.rawValue)
            }
            source.resume()
            sources.append(source)
        }
    }
}
