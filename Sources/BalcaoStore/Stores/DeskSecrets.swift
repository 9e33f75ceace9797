import BalcaoCore
import Crypto
import FluentKit
import Foundation

/// The desk's secret key, made once and kept in the database so every instance of a desk signs alike.
public enum DeskSecrets {
    /// The mail-signing key, created on first use.
    public static func mailSigningKey(_ context: StoreContext) async throws -> Data {
        try await key("mail_signing", context)
    }

    /// The key that seals stored secrets (OAuth client secrets and tokens), created on first use.
    public static func sealingKey(_ context: StoreContext) async throws -> Data {
        try await key("secret_sealing", context)
    }

    static func key(_ name: String, _ context: StoreContext) async throws -> Data {
        if let existing = try await DeskSecretRecord.find(name, on: context.database) {
            return Data(hex: existing.value)
        }
        let fresh = Hex.random(bytes: 32)
        do {
            try await context.write { db in
                let record = DeskSecretRecord()
                record.id = name
                record.value = fresh
                try await record.create(on: db)
            }
        } catch {
            // Another instance created it first: use theirs.
            guard let theirs = try await DeskSecretRecord.find(name, on: context.database) else { throw error }
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
        Hex.encode(HMAC<SHA256>.authenticationCode(for: Data(text.utf8), using: SymmetricKey(data: key)))
    }
}

/// AES-GCM with the desk's sealing key; sealed values are base64 of nonce + ciphertext + tag.
public struct AESSecretSealer: SecretSealer {
    let key: Data

    public init(key: Data) { self.key = key }

    public func seal(_ plain: String) throws -> String {
        try AES.GCM.seal(Data(plain.utf8), using: SymmetricKey(data: key)).combined!.base64EncodedString()
    }

    public func open(_ sealed: String) throws -> String {
        guard let data = Data(base64Encoded: sealed) else { throw CryptoKitError.incorrectParameterSize }
        let box = try AES.GCM.SealedBox(combined: data)
        return String(decoding: try AES.GCM.open(box, using: SymmetricKey(data: key)), as: UTF8.self)
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
