import Foundation

/// The shared credentials file (`~/.aws/credentials` or `AWS_SHARED_CREDENTIALS_FILE`),
/// read for the profile `AWS_PROFILE` names, `default` otherwise.
enum SharedCredentialsFile {
    static func load(_ environment: [String: String]) throws(CredentialsError) -> AWSCredentials? {
        let home = environment["HOME"] ?? NSHomeDirectory()
        let path = environment["AWS_SHARED_CREDENTIALS_FILE"] ?? "\(home)/.aws/credentials"
        let profile = environment["AWS_PROFILE"] ?? "default"
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }

        let values = section(named: profile, in: text)
        let source = "shared credentials file, profile \(profile)"
        guard let values else {
            if environment["AWS_PROFILE"] == nil { return nil }
            throw CredentialsError(source: source, message: "no such profile in \(path)")
        }
        guard let keyID = values["aws_access_key_id"], let secret = values["aws_secret_access_key"]
        else {
            throw CredentialsError(source: source, message: "profile lacks a key pair")
        }
        return AWSCredentials(
            accessKeyID: keyID, secretAccessKey: secret, sessionToken: values["aws_session_token"],
            source: source)
    }

    /// The `key = value` lines of `[name]`, or nil when there is no such section.
    static func section(named name: String, in text: String) -> [String: String]? {
        var values: [String: String]?
        var inSection = false
        for rawLine in text.split(whereSeparator: \.isNewline) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            if line.hasPrefix("[") && line.hasSuffix("]") {
                inSection = line.dropFirst().dropLast().trimmingCharacters(in: .whitespaces) == name
                if inSection, values == nil { values = [:] }
                continue
            }
            guard inSection, let equals = line.firstIndex(of: "=") else { continue }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            values?[key] = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
        }
        return values
    }
}
