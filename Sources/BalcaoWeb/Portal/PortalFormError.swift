import BalcaoCore

/// The sentence a portal form shows for a refused action, in the user's language. Domain messages are written for
/// API clients (English, field paths); portal users get a sentence per field they can fix.
enum PortalFormError {
    static func message(_ error: any Error, _ l: Localizer) -> String {
        switch error {
        case let error as PortalError:
            switch error {
            case .signUpClosed: return l["portal_signup_closed"]
            case .linkInvalid: return l["portal_link_invalid"]
            case .requestNotFound: return l["not_found"]
            case .departmentNotAvailable: return l["portal_error_department"]
            case .notAllowed: return l["portal_error_not_allowed"]
            }
        case let error as ValidationError:
            return error.issues.map { issue in
                switch issue.field {
                case "subject": l["portal_error_subject"]
                case "body": l["portal_error_body"]
                case "comment": l["portal_error_comment"]
                case "score": l["portal_error_score"]
                case "helpful": l["portal_error_score"]
                case let field where field.hasPrefix("customFields."):
                    l.format("portal_error_field", String(field.dropFirst("customFields.".count))) + " " + issue.message
                default: "\(issue.field): \(issue.message)"
                }
            }.joined(separator: " ")
        case let error as TicketError:
            if case .closed = error { return l["portal_error_not_allowed"] }
            return FormError.message(error)
        default:
            return FormError.message(error)
        }
    }
}
