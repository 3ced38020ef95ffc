import COpenSSL
import Foundation

/// The hashes SigV4 and S3 integrity checks need, computed by OpenSSL.
public enum Digest {
    /// SHA-256 of `bytes`.
    public static func sha256(_ bytes: some ContiguousBytes) -> [UInt8] {
        digest(bytes, EVP_sha256(), length: 32)
    }

    /// MD5 of `bytes`, for S3's `Content-MD5` integrity header only.
    public static func md5(_ bytes: some ContiguousBytes) -> [UInt8] {
        digest(bytes, EVP_md5(), length: 16)
    }

    /// HMAC-SHA256 of `message` under `key`.
    public static func hmacSHA256(key: [UInt8], message: [UInt8]) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        key.withUnsafeBytes { keyBytes in
            message.withUnsafeBytes { messageBytes in
                _ = HMAC(
                    EVP_sha256(), keyBytes.baseAddress, Int32(keyBytes.count),
                    messageBytes.bindMemory(to: UInt8.self).baseAddress, messageBytes.count,
                    &output, &length)
            }
        }
        precondition(length == 32, "HMAC-SHA256 always yields 32 bytes")
        return output
    }

    /// Lower-case hexadecimal.
    public static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text = [UInt8]()
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    private static func digest(
        _ bytes: some ContiguousBytes, _ algorithm: OpaquePointer?, length: Int
    ) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: length)
        var written: UInt32 = 0
        let status = bytes.withUnsafeBytes { input in
            EVP_Digest(input.baseAddress, input.count, &output, &written, algorithm, nil)
        }
        precondition(status == 1 && written == length, "OpenSSL digest failed")
        return output
    }
}
