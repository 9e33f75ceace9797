import BalcaoCore
import Foundation
import Vapor

/// An RFC 9457 problem document, plus `errors` naming each bad field.
struct Problem: Content, Equatable {
    var type: String
    var title: String
    var status: Int
    var detail: String?
    var instance: String?
    var errors: [FieldIssue]?

    init(
        status: HTTPResponseStatus, type: String, title: String, detail: String? = nil, errors: [FieldIssue]? = nil
    ) {
        self.type = "https://balcao.dev/problems/\(type)"
        self.title = title
        self.status = Int(status.code)
        self.detail = detail
        self.errors = errors
    }

    /// The catch-all for errors we did not expect: no detail leaks out; the log has it.
    static let internalError = Problem(
        status: .internalServerError, type: "internal", title: "Something went wrong on our side")
}

/// Errors that know which problem document they become.
protocol ProblemConvertible: Error {
    var problem: Problem { get }
}

extension Problem {
    /// Maps any error to its problem document.
    init(_ error: any Error) {
        switch error {
        case let convertible as any ProblemConvertible: self = convertible.problem
        case let decoding as DecodingError: self = Problem(decoding: decoding)
        case let abort as any AbortError:
            self = Problem(
                status: abort.status, type: "http-\(abort.status.code)", title: abort.status.reasonPhrase,
                detail: abort.reason == abort.status.reasonPhrase ? nil : abort.reason)
        default: self = .internalError
        }
    }

    /// Malformed or mistyped JSON: names the field by its path, as a client developer would look for it.
    init(decoding error: DecodingError) {
        func path(_ codingPath: [any CodingKey], _ last: (any CodingKey)? = nil) -> String {
            let keys = codingPath + (last.map { [$0] } ?? [])
            let text = keys.reduce(into: "") { text, key in
                if let index = key.intValue { text += "[\(index)]" } else {
                    text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
                }
            }
            return text.isEmpty ? "body" : text
        }
        let issue: FieldIssue
        switch error {
        case .keyNotFound(let key, let context): issue = FieldIssue(path(context.codingPath, key), "is required")
        case .valueNotFound(_, let context): issue = FieldIssue(path(context.codingPath), "must not be null")
        case .typeMismatch(let type, let context):
            issue = FieldIssue(path(context.codingPath), "must be \(Self.describe(type))")
        case .dataCorrupted(let context):
            let field = path(context.codingPath)
            let message =
                field == "body" ? "is not valid JSON"
                : context.debugDescription.hasPrefix("Cannot initialize")
                    ? "has a value that is not allowed" : context.debugDescription
            issue = FieldIssue(field, message)
        @unknown default: issue = FieldIssue("body", "could not be read")
        }
        self.init(
            status: .badRequest, type: "invalid-body", title: "The request body is not valid",
            detail: "\(issue.field) \(issue.message)", errors: [issue])
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Double.Type: "a number"
        case is Bool.Type: "true or false"
        case is [Any].Type: "an array"
        default: String(describing: type).hasPrefix("Array") ? "an array" : "an object or value of the right type"
        }
    }
}
