import BalcaoCore
import BalcaoStore
import Vapor

extension ValidationError: ProblemConvertible {
    var problem: Problem {
        Problem(
            status: .unprocessableEntity, type: "validation", title: "Some fields are not valid",
            detail: issues.map { "\($0.field) \($0.message)" }.joined(separator: "; "), errors: issues)
    }
}

extension TicketError: ProblemConvertible {
    var problem: Problem {
        switch self {
        case .notFound(let id):
            Problem(status: .notFound, type: "not-found", title: "Ticket not found", detail: "No ticket has id \(id).")
        case .numberNotFound(let number):
            Problem(status: .notFound, type: "not-found", title: "Ticket not found", detail: "No ticket \(number).")
        case .invalidTransition(let from, let to):
            Problem(
                status: .unprocessableEntity, type: "invalid-transition", title: "This status change is not allowed",
                detail: "A ticket cannot go from \(from.rawValue) to \(to.rawValue).",
                errors: [FieldIssue("status", "cannot change from \(from.rawValue) to \(to.rawValue)")])
        case .closed(let number):
            Problem(
                status: .conflict, type: "ticket-closed", title: "The ticket is closed",
                detail: "Ticket \(number) is closed; open a follow-up ticket instead.")
        case .concurrentUpdate:
            Problem(
                status: .conflict, type: "concurrent-update", title: "The ticket changed while saving",
                detail: "Another change was saved at the same moment; load the ticket and try again.")
        case .noteByNonAgent:
            Problem(
                status: .unprocessableEntity, type: "validation", title: "Only agents write internal notes",
                errors: [FieldIssue("kind", "only agents may add internal notes")])
        }
    }
}

extension DirectoryError: ProblemConvertible {
    var problem: Problem {
        switch self {
        case .contactNotFound(let id): notFoundProblem("Contact", id.description)
        case .organizationNotFound(let id): notFoundProblem("Organization", id.description)
        case .departmentNotFound(let id): notFoundProblem("Department", id.description)
        case .agentNotFound(let id): notFoundProblem("Agent", id.description)
        case .emailTaken(let email, let field):
            Problem(
                status: .conflict, type: "email-taken", title: "This email address is already in use",
                detail: "\(email) belongs to someone else.", errors: [FieldIssue(field, "\(email) is already in use")])
        case .nameTaken(let name):
            Problem(
                status: .conflict, type: "name-taken", title: "This name is already in use",
                detail: "\(name) is already used.", errors: [FieldIssue("name", "is already in use")])
        case .domainTaken(let domain):
            Problem(
                status: .conflict, type: "domain-taken", title: "This domain belongs to another organization",
                detail: "\(domain) is claimed by another organization.",
                errors: [FieldIssue("domains", "\(domain) is claimed by another organization")])
        case .inUse(let what, let count):
            Problem(
                status: .conflict, type: "in-use", title: "Still in use",
                detail: "It cannot be deleted while \(count) \(what) refer to it.")
        case .forbidden(let reason):
            Problem(status: .forbidden, type: "forbidden", title: "Not allowed", detail: reason)
        }
    }
}

extension AttachmentError: ProblemConvertible {
    var problem: Problem {
        switch self {
        case .tooLarge(let filename, let limit):
            Problem(
                status: .payloadTooLarge, type: "attachment-too-large", title: "An attachment is too large",
                detail: "\(filename) is larger than \(limit / 1024 / 1024) MB.",
                errors: [FieldIssue("attachments", "\(filename) is larger than \(limit / 1024 / 1024) MB")])
        case .tooMany(let limit):
            Problem(
                status: .unprocessableEntity, type: "validation", title: "Too many attachments",
                errors: [FieldIssue("attachments", "at most \(limit) files per message")])
        case .notFound(let id):
            Problem(status: .notFound, type: "not-found", title: "Attachment not found", detail: "No attachment has id \(id).")
        }
    }
}

extension StoreError: ProblemConvertible {
    var problem: Problem { .internalError }
}

extension MailboxError: ProblemConvertible {
    var problem: Problem {
        switch self {
        case .addressTaken(let address):
            Problem(
                status: .conflict, type: "address-taken", title: "Another mailbox has this address",
                detail: "\(address) is already a mailbox.", errors: [FieldIssue("address", "is already a mailbox")])
        case .notFound(let id):
            Problem(status: .notFound, type: "not-found", title: "Mailbox not found", detail: "No mailbox has id \(id).")
        }
    }
}

extension MailboxOAuthError: ProblemConvertible {
    var problem: Problem {
        switch self {
        case .invalidState:
            Problem(
                status: .badRequest, type: "oauth-state", title: "The sign-in link expired or is not valid",
                detail: "Start the connection again from the mailbox page.")
        case .notConfigured(let id):
            Problem(
                status: .unprocessableEntity, type: "oauth-not-configured", title: "The mailbox has no OAuth connection",
                detail: "Mailbox \(id) needs its IMAP settings and OAuth client first.")
        }
    }
}

extension AutomationError: ProblemConvertible {
    var problem: Problem {
        switch self {
        case .notFound(let kind, let id):
            Problem(
                status: .notFound, type: "not-found", title: "Not found", detail: "No \(kind.rawValue) has id \(id).")
        case .idTaken(let id):
            Problem(
                status: .conflict, type: "id-taken", title: "This id is taken",
                detail: "\(id) already names another kind of automation document.")
        }
    }
}

extension HelpCenterError: ProblemConvertible {
    var problem: Problem {
        switch self {
        case .categoryNotFound(let id): notFoundProblem("Help category", id.description)
        case .sectionNotFound(let id): notFoundProblem("Help section", id.description)
        case .articleNotFound(let id): notFoundProblem("Article", id.description)
        case .announcementNotFound(let id): notFoundProblem("Announcement", id.description)
        case .notEmpty(let reason):
            Problem(status: .conflict, type: "not-empty", title: "Not empty", detail: "It cannot be deleted: \(reason).")
        case .forbidden(let reason):
            Problem(status: .forbidden, type: "forbidden", title: "Not allowed", detail: reason)
        }
    }
}

extension PortalError: ProblemConvertible {
    var problem: Problem {
        switch self {
        case .signUpClosed:
            Problem(status: .forbidden, type: "sign-up-closed", title: "Sign-up is closed", detail: "This desk only admits people it knows.")
        case .linkInvalid:
            Problem(status: .gone, type: "link-invalid", title: "Link used or expired", detail: "Ask for a new link.")
        case .requestNotFound:
            Problem(status: .notFound, type: "not-found", title: "Request not found", detail: "No request of yours has this number.")
        case .departmentNotAvailable:
            Problem(status: .unprocessableEntity, type: "department-not-available", title: "Department not available", detail: "Choose one of the departments listed.")
        case .notAllowed:
            Problem(status: .conflict, type: "not-allowed", title: "Not possible now", detail: "The request's status does not allow this.")
        }
    }
}

extension ChatProtocolError: ProblemConvertible {
    var problem: Problem {
        let status: HTTPResponseStatus =
            switch self {
            case .badFrame: .badRequest
            case .tooLarge: .payloadTooLarge
            case .unknownConversation: .notFound
            case .notStarted, .ended: .conflict
            case .departmentUnavailable: .unprocessableEntity
            case .rateLimited: .tooManyRequests
            case .originNotAllowed: .forbidden
            }
        return Problem(status: status, type: code.replacingOccurrences(of: "_", with: "-"), title: message, detail: nil)
    }
}

/// "Contact not found: no contact has id …" — the one shape of every missing-by-id problem.
private func notFoundProblem(_ what: String, _ id: String) -> Problem {
    Problem(status: .notFound, type: "not-found", title: "\(what) not found", detail: "No \(what.lowercased()) has id \(id).")
}

extension ChatError: ProblemConvertible {
    var problem: Problem {
        switch self {
        case .limitReached(let agent, let limit):
            Problem(
                status: .conflict, type: "chat-limit-reached", title: "Chat limit reached",
                detail: "\(agent) already has \(limit) open chats")
        case .alreadyAccepted(let name):
            Problem(
                status: .conflict, type: "chat-already-accepted", title: "Chat already accepted",
                detail: "\(name) is answering this chat")
        case .ended:
            Problem(status: .conflict, type: "chat-ended", title: "This chat has ended")
        }
    }
}

extension ProblemError: ProblemConvertible {
    var problem: Problem {
        switch self {
        case .notFound(let id): notFoundProblem("Problem record", id.description)
        case .solved:
            Problem(status: .conflict, type: "problem-solved", title: "This problem is solved and can no longer change")
        }
    }
}
