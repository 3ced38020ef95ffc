import AWSClient
import DailySummaryCore
import Foundation

/// Uploads the finished report to S3, then announces it on SNS.
///
/// The upload comes first and the notification only after it succeeded, so subscribers
/// are never told of an object that is not there.
struct ReportDelivery {
    let settings: DeliverySettings
    let logger: Logger
    let stage: RunStage

    /// Delivers `document`; returns the failing exit status, or nil when all went well.
    func deliver(
        _ document: [UInt8], summary: DailySummary, started: DispatchTime,
        outcome: inout RunOutcome
    ) -> ExitStatus? {
        let aws = settings.aws
        let credentials = CredentialChain(environment: settings.environment)
        let logger = self.logger
        let onRetry: @Sendable (RetryEvent) -> Void = { event in
            logger.warn(
                "retrying AWS request",
                [
                    ("service", .string(event.service)), ("operation", .string(event.operation)),
                    ("attempt", .int(event.attempt)), ("reason", .string(event.reason)),
                    ("delay_ms", .int(Int(event.delay * 1000))),
                ])
        }

        stage.enter("upload")
        let s3 = S3Client(
            client: AWSServiceClient(
                service: "s3", configuration: aws, endpoint: aws.s3Endpoint,
                credentials: credentials, onRetry: onRetry))
        do {
            let result = try s3.putObject(
                bucket: settings.bucket, key: settings.key, body: document,
                contentType: "application/json", kmsKeyID: settings.kmsKeyID)
            outcome.s3URI = settings.s3URI
            logger.info(
                "report uploaded",
                [
                    ("s3_uri", .string(settings.s3URI)), ("etag", .string(result.eTag ?? "")),
                    ("version_id", .string(result.versionID ?? "")),
                    ("bytes", .int(document.count)),
                ])
        } catch {
            logger.fatal(
                "report upload failed; nothing published",
                [
                    ("s3_uri", .string(settings.s3URI)), ("error", .string(error.description)),
                    ("exit_status", .int(Int(ExitStatus.uploadFailed.rawValue))),
                ])
            return .uploadFailed
        }

        guard let topicARN = settings.topicARN else { return nil }
        stage.enter("notify")
        let sns = SNSClient(
            client: AWSServiceClient(
                service: "sns", configuration: aws, endpoint: aws.snsEndpoint,
                credentials: credentials, onRetry: onRetry))
        let message = CompletionMessage(
            summary: summary, s3URI: settings.s3URI,
            durationMilliseconds: elapsedMilliseconds(started))
        do {
            outcome.messageID = try sns.publish(
                topicARN: topicARN, messages: message.bodies, subject: message.subject,
                attributes: message.attributes)
            logger.info(
                "notification published",
                [
                    ("topic_arn", .string(topicARN)),
                    ("sns_message_id", .string(outcome.messageID ?? "")),
                ])
        } catch {
            logger.fatal(
                "report uploaded but notification failed; rerunning the day is safe",
                [
                    ("s3_uri", .string(settings.s3URI)), ("topic_arn", .string(topicARN)),
                    ("error", .string(error.description)),
                    ("exit_status", .int(Int(ExitStatus.notifyFailed.rawValue))),
                ])
            return .notifyFailed
        }
        return nil
    }
}
