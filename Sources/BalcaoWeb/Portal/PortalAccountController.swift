import BalcaoCore
import BalcaoStore
import Vapor

/// Signing in (password or a one-time link by mail), signing up, signing out, the language switch and the
/// account page. Failures are throttled per email and client address, like the agents' sign-in.
struct PortalAccountController: RouteCollection {
    let services: BalcaoServices
    var frame: PortalFrame { PortalFrame(services: services) }

    static let minimumPasswordLength = 8

    func boot(routes: any RoutesBuilder) throws {
        routes.get("signin", use: showSignIn)
        routes.post("signin", use: signIn)
        routes.post("signin", "link", use: sendLink)
        routes.get("link", ":secret", use: showLink)
        routes.post("link", ":secret", use: openLink)
        routes.get("signup", use: showSignUp)
        routes.post("signup", use: signUp)
        routes.post("signout", use: signOut)
        routes.get("language", ":tag", use: language)
        let account = routes.grouped("account").grouped(RequirePortalUser(portalPath: frame.base))
        account.get(use: showAccount)
        account.post(use: saveAccount)
    }

    struct FormContext: Encodable {
        let layout: PortalLayout
        let next: String
        let email: String
        let name: String
        let error: String?
        /// The "check your mail" state after a link was asked for.
        let linkSent: Bool
        let signUpOpen: Bool
        let secret: String
    }

    // MARK: Sign in

    struct SignInForm: Content {
        let email: String?
        let password: String?
        let next: String?
    }

    @Sendable func showSignIn(req: Request) async throws -> Response {
        try await render(req, "signin", next: try? req.query.get(String.self, at: "next"))
    }

    @Sendable func signIn(req: Request) async throws -> Response {
        let form = try req.content.decode(SignInForm.self)
        let l = frame.localizer(for: req)
        let email = Self.normalized(form.email)
        let address = req.remoteAddress?.ipAddress ?? "unknown"
        let now = services.clock.now
        if case .locked(let retryAfter) = await services.loginGuard.check(email: email, address: address, now: now) {
            let minutes = String(max(1, Int((retryAfter / 60).rounded(.up))))
            return try await render(
                req, "signin", next: form.next, email: email, error: l.format("login_locked", minutes),
                status: .tooManyRequests)
        }
        let credentials = try await EmailAddress(email).asyncFlatMap { try await services.portalAccounts.credentials(email: $0) }
        let matches = try await req.password.async.verify(
            form.password ?? "", created: credentials?.passwordHash ?? LoginController.decoyHash)
        guard let contact = credentials?.contact, matches else {
            await services.loginGuard.failed(email: email, address: address, now: now)
            return try await render(
                req, "signin", next: form.next, email: email, error: l["portal_login_failed"], status: .unauthorized)
        }
        await services.loginGuard.succeeded(email: email, address: address)
        return try await startSession(req, for: contact, next: form.next)
    }

    @Sendable func sendLink(req: Request) async throws -> Response {
        let form = try req.content.decode(SignInForm.self)
        let l = frame.localizer(for: req)
        guard let email = EmailAddress(Self.normalized(form.email)) else {
            return try await render(
                req, "signin", next: form.next, email: form.email ?? "", error: l["portal_email_invalid"],
                status: .unprocessableEntity)
        }
        // The same answer, as fast, whether or not the address is known: the link is made and mailed after it.
        let accounts = services.portalAccounts
        let logger = req.logger
        Task {
            do { try await accounts.requestSignInLink(email: email, language: l.language) } catch {
                logger.report(error: error)
            }
        }
        return try await render(req, "signin", next: form.next, email: email.value, linkSent: true)
    }

    /// A mailed link opens a page with a button: mail scanners that fetch links must not use up the link.
    @Sendable func showLink(req: Request) async throws -> Response {
        let secret = try req.parameters.require("secret")
        return try await render(req, "link", next: nil, secret: secret)
    }

    @Sendable func openLink(req: Request) async throws -> Response {
        let secret = try req.parameters.require("secret")
        let l = frame.localizer(for: req)
        do {
            let contact = try await services.portalAccounts.redeem(secret: secret)
            // Someone without a password yet is offered to set one; everyone else goes to their requests.
            let hasPassword = try await services.portalAccounts.hasPassword(contact.id)
            return try await startSession(req, for: contact, next: hasPassword ? nil : "\(frame.base)/account")
        } catch PortalError.linkInvalid {
            return try await render(req, "signin", next: nil, error: l["portal_link_invalid"], status: .gone)
        }
    }

    // MARK: Sign up

    struct SignUpForm: Content {
        let name: String?
        let email: String?
    }

    @Sendable func showSignUp(req: Request) async throws -> Response {
        try await render(req, "signup", next: nil)
    }

    @Sendable func signUp(req: Request) async throws -> Response {
        let form = try req.content.decode(SignUpForm.self)
        let l = frame.localizer(for: req)
        let name = form.name?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        func refuse(_ key: String, status: HTTPStatus = .unprocessableEntity) async throws -> Response {
            try await render(req, "signup", next: nil, email: form.email ?? "", name: name, error: l[key], status: status)
        }
        guard let email = EmailAddress(Self.normalized(form.email)) else { return try await refuse("portal_email_invalid") }
        guard !name.isEmpty, name.count <= 200 else { return try await refuse("portal_name_required") }
        do {
            try await services.portalAccounts.signUp(name: name, email: email, language: l.language)
        } catch PortalError.signUpClosed {
            return try await refuse("portal_signup_closed", status: .forbidden)
        }
        return try await render(req, "signin", next: nil, email: email.value, linkSent: true)
    }

    @Sendable func signOut(req: Request) async throws -> Response {
        if let user = req.portalUser { try await services.portalSessions.end(secret: user.secret) }
        let response = req.redirect(to: "\(frame.base)?flash=signed_out", redirectType: .normal)
        response.cookies[PortalCookie.session] = SessionCookie.value("", config: services.config, maxAge: 0)
        return response
    }

    /// Remembers the chosen language in a cookie (signed-in users also get it saved on their contact).
    @Sendable func language(req: Request) async throws -> Response {
        guard let language = SupportedLanguage(matching: try req.parameters.require("tag")) else { throw Abort(.notFound) }
        let next = frame.safeNext(try? req.query.get(String.self, at: "next")) ?? frame.base
        let response = req.redirect(to: next, redirectType: .normal)
        response.cookies[PortalCookie.language] = SessionCookie.value(
            language.rawValue, config: services.config, maxAge: 365 * 86400)
        return response
    }

    // MARK: Account

    struct AccountContext: Encodable {
        let layout: PortalLayout
        let hasPassword: Bool
        let error: String?
    }

    struct AccountForm: Content {
        let password: String?
    }

    @Sendable func showAccount(req: Request) async throws -> Response {
        try await renderAccount(req, error: nil)
    }

    @Sendable func saveAccount(req: Request) async throws -> Response {
        guard let user = req.portalUser else { throw Abort(.unauthorized) }
        let password = try req.content.decode(AccountForm.self).password ?? ""
        guard password.count >= Self.minimumPasswordLength else {
            return try await renderAccount(req, error: frame.localizer(for: req)["portal_password_short"], status: .unprocessableEntity)
        }
        try await services.portalAccounts.setPassword(
            hash: try await req.password.async.hash(password), of: user.contact.id)
        return req.redirect(to: "\(frame.base)/account?flash=password_saved", redirectType: .normal)
    }

    private func renderAccount(_ req: Request, error: String?, status: HTTPStatus = .ok) async throws -> Response {
        guard let user = req.portalUser else { throw Abort(.unauthorized) }
        let l = frame.localizer(for: req)
        return try await frame.render(
            req, "account",
            AccountContext(
                layout: try await frame.layout(req, l, title: l["portal_account"], settings: try await frame.settings()),
                hasPassword: try await services.portalAccounts.hasPassword(user.contact.id), error: error),
            status: status)
    }

    // MARK: Helpers

    private func startSession(_ req: Request, for contact: Contact, next: String?) async throws -> Response {
        let (secret, _) = try await services.portalSessions.start(for: contact.id, at: services.clock.now)
        let response = req.redirect(to: frame.safeNext(next) ?? "\(frame.base)/requests", redirectType: .normal)
        response.cookies[PortalCookie.session] = SessionCookie.value(
            secret, config: services.config, maxAge: Int(Contact.sessionIdleTimeout))
        return response
    }

    private func render(
        _ req: Request, _ template: String, next: String?, email: String = "", name: String = "",
        error: String? = nil, linkSent: Bool = false, secret: String = "", status: HTTPStatus = .ok
    ) async throws -> Response {
        let l = frame.localizer(for: req)
        let settings = try await frame.settings()
        let title = l[template == "signup" ? "portal_sign_up" : "sign_in"]
        return try await frame.render(
            req, template,
            FormContext(
                layout: try await frame.layout(req, l, title: title, settings: settings),
                next: frame.safeNext(next) ?? "", email: email, name: name, error: error, linkSent: linkSent,
                signUpOpen: settings.signUp == .open, secret: secret),
            status: status)
    }

    static func normalized(_ email: String?) -> String {
        email?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
    }
}
