import BalcaoCore
import Crypto
import FluentKit
import Foundation

/// The desk's secret key, made once and kept in the database so every instance of a desk signs alike.
public enum DeskSecrets {
    static let mailSigningKey = "mail_signing"

    /// The mail-signing key, created on first use.
    public static func mailSigningKey(_ context: StoreContext) async throws -> Data {
        if let existing = try await DeskSecretRecord.find(mailSigningKey, on: context.database) {
            return Data(hex: existing.value)
        }
        let fresh = SessionStore.randomHex(32)
        do {
            try await context.write { db in
                let record = DeskSecretRecord()
                record.id = mailSigningKey
                record.value = fresh
                try await record.create(on: db)
            }
        } catch {
            // Another instance created it first: use theirs.
            guard let theirs = try await DeskSecretRecord.find(mailSigningKey, on: context.database) else { throw error }
            return Data(hex: theirs.value)
        }
        return Data(hex: fresh)
    }
}

/// HMAC-SHA256 with the desk's key. Holds the bytes (Sendable) and makes the key per call: cheap next to the MAC.
public struct HMACMailSigner: MailSigner {
    let key: Data

    public init(key: Data) { self.key = key }

    public func signature(for text: String) -> String {
        HMAC<SHA256>.authenticationCode(for: Data(text.utf8), using: SymmetricKey(data: key))
            .map { String(format: "%02x", $0) }.joined()
    }
}

extension Data {
    /// Bytes from lower- or upper-case hex; stops at the first character that is not hex.
    init(hex: String) {
        var bytes: [UInt8] = []
        var iterator = hex.utf8.makeIterator()
        while let high = iterator.next(), let low = iterator.next(),
            let h = Self.nibble(high), let l = Self.nibble(low)
        {
            bytes.append(h << 4 | l)
        }
        self.init(bytes)
    }

    private static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case 48...57: c - 48
        case 97...102: c - 87
        case 65...70: c - 55
        default: nil
        }
    }
}
