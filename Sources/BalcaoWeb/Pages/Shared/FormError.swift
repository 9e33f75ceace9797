import BalcaoCore

/// Turns a refused command into the sentence a form shows, using the same problem mapping as the API.
enum FormError {
    static func isUserError(_ error: any Error) -> Bool {
        Problem(error).status < 500
    }

    static func message(_ error: any Error) -> String {
        let problem = Problem(error)
        if let issues = problem.errors, !issues.isEmpty {
            return issues.map { "\($0.field): \($0.message)" }.joined(separator: "; ")
        }
        return [problem.title, problem.detail].compactMap { $0 }.joined(separator: " — ")
    }
}
