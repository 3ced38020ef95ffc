/// Reads the fields of PostgreSQL's binary COPY format straight out of a message's bytes.
///
/// A tuple is a 16-bit field count, then per field a 32-bit length (-1 for NULL) and that
/// many bytes, all big-endian. Every read is bounds-checked, so a malformed stream is a
/// `PostgresError` and never a crash.
struct CopyTupleCursor {
    /// The 11-byte signature that opens every binary COPY stream.
    static let signature: [UInt8] = Array("PGCOPY\n".utf8) + [0xFF, 0x0D, 0x0A, 0x00]

    let bytes: UnsafeRawBufferPointer
    private(set) var offset = 0

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    var isAtEnd: Bool { offset >= bytes.count }

    /// Consumes the stream header: signature, flags and the header extension.
    mutating func readHeader() throws {
        guard bytes.count >= 19, bytes.prefix(11).elementsEqual(CopyTupleCursor.signature) else {
            throw CopyTupleCursor.malformed("missing binary COPY signature")
        }
        offset = 11
        let flags = try int32()
        guard flags & 0x0001_0000 == 0 else {
            throw CopyTupleCursor.malformed("tuples carry OIDs, which this reader does not expect")
        }
        let extensionLength = try int32()
        guard extensionLength >= 0, extensionLength <= bytes.count - offset else {
            throw CopyTupleCursor.malformed("header extension runs past the message")
        }
        offset += Int(extensionLength)
    }

    /// The next tuple's field count; -1 marks the end of the stream.
    @inline(__always)
    mutating func fieldCount() throws -> Int {
        guard offset + 2 <= bytes.count else { throw CopyTupleCursor.malformed("truncated tuple") }
        let value = Int16(bigEndian: bytes.loadUnaligned(fromByteOffset: offset, as: Int16.self))
        offset += 2
        return Int(value)
    }

    /// The next field's bytes, or nil for NULL.
    @inline(__always)
    mutating func field() throws -> UnsafeRawBufferPointer? {
        let length = Int(try int32())
        if length == -1 { return nil }
        guard length >= 0, length <= bytes.count - offset else {
            throw CopyTupleCursor.malformed("field of \(length) bytes runs past the message")
        }
        let start = offset
        offset += length
        return UnsafeRawBufferPointer(rebasing: bytes[start..<offset])
    }

    @inline(__always)
    private mutating func int32() throws -> Int32 {
        guard offset + 4 <= bytes.count else { throw CopyTupleCursor.malformed("truncated tuple") }
        let value = Int32(bigEndian: bytes.loadUnaligned(fromByteOffset: offset, as: Int32.self))
        offset += 4
        return value
    }

    static func malformed(_ message: String) -> PostgresError {
        PostgresError(stage: .protocolViolation, message: message, context: "binary COPY")
    }
}
