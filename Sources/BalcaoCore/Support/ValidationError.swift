import Foundation

/// One field a request got wrong, named by its JSON path (`requester.email`, `customFields.due_date`).
public struct FieldIssue: Error, Sendable, Hashable, Codable {
    public let field: String
    public let message: String

    public init(_ field: String, _ message: String) {
        self.field = field
        self.message = message
    }
}

/// Input that breaks a domain rule; carries every issue found, not just the first.
public struct ValidationError: Error, Sendable, Hashable {
    public let issues: [FieldIssue]

    public init(_ issues: [FieldIssue]) { self.issues = issues }
    public init(field: String, _ message: String) { self.issues = [FieldIssue(field, message)] }
}

/// Collects field issues while a command is checked, then throws them all at once.
public struct ValidationCollector: Sendable {
    public private(set) var issues: [FieldIssue] = []

    public init() {}

    public mutating func add(_ field: String, _ message: String) { issues.append(FieldIssue(field, message)) }

    /// Adds an issue when `text` is blank or longer than `maxLength` characters.
    public mutating func requireText(_ text: String?, field: String, maxLength: Int) {
        guard let text else { return add(field, "is required") }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { add(field, "must not be blank") }
        if trimmed.count > maxLength { add(field, "must be at most \(maxLength) characters") }
    }

    /// Adds an issue when `text` is present and longer than `maxLength` characters.
    public mutating func limit(_ text: String?, field: String, maxLength: Int) {
        if let text, text.count > maxLength { add(field, "must be at most \(maxLength) characters") }
    }

    /// Throws a `ValidationError` when any issue was added.
    public func check() throws(ValidationError) {
        if !issues.isEmpty { throw ValidationError(issues) }
    }
}
