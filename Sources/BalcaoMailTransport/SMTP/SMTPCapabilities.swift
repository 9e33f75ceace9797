/// The service extensions a server lists in its EHLO reply (RFC 5321 §4.1.1.1): `250-SIZE 10240000`, `250 STARTTLS`.
struct SMTPCapabilities: Sendable, Equatable {
    /// Upper-cased keyword → its parameters as sent.
    private(set) var keywords: [String: [String]] = [:]

    init() {}

    /// The first line of an EHLO reply greets; every later line is one extension.
    init(ehlo reply: SMTPReply) {
        for line in reply.lines.dropFirst() {
            let words = line.split(separator: " ").map(String.init)
            guard let first = words.first else { continue }
            let keyword = first.uppercased()
            // Pre-RFC 4954 servers also send "AUTH=LOGIN PLAIN"; read it as AUTH.
            if keyword.hasPrefix("AUTH=") {
                keywords["AUTH", default: []] += [String(first.dropFirst(5))] + words.dropFirst()
            } else {
                keywords[keyword, default: []] += words.dropFirst()
            }
        }
    }

    func supports(_ keyword: String) -> Bool {
        keywords[keyword.uppercased()] != nil
    }

    /// Upper-cased SASL mechanisms after `AUTH`.
    var authMechanisms: Set<String> {
        Set((keywords["AUTH"] ?? []).map { $0.uppercased() })
    }
}
