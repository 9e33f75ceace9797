import BalcaoCore
import BalcaoStore
import Vapor

/// What every portal page's frame shows: the desk's brand, the user (if signed in), running announcements,
/// the language switch, the CSRF token, a flash.
struct PortalLayout: Encodable {
    struct UserView: Encodable {
        let name: String
        let email: String
        let isEmployee: Bool
    }

    struct Notice: Encodable {
        let id: String
        let title: String
        let html: String
    }

    struct LanguageLink: Encodable {
        let tag: String
        let label: String
        let isCurrent: Bool
    }

    let t: [String: String]
    let lang: String
    let pageTitle: String
    let deskName: String
    let hasLogo: Bool
    /// The portal's path (`/help`), for links.
    let base: String
    let csrf: String
    let user: UserView?
    let notices: [Notice]
    let languages: [LanguageLink]
    let flash: String?
    let searchQuery: String
    /// The page itself, for the language links to come back to.
    let here: String
}

/// Builds the portal frame and renders portal pages. Flash texts come only from known keys.
struct PortalFrame {
    let services: BalcaoServices

    static let flashKeys: Set<String> = [
        "request_created", "reply_sent", "request_solved", "request_reopened", "rating_saved", "signed_out",
        "vote_saved", "glad_it_helped", "password_saved",
    ]

    var base: String { services.config.http.portalPath }

    /// The language the visitor picked, else their account's, else the browser's, else the desk's.
    func localizer(for req: Request) -> Localizer {
        let chosen = req.cookies[PortalCookie.language].flatMap { SupportedLanguage(matching: $0.string) }?.rawValue
        return Localizer.resolve(
            agentLanguage: chosen ?? req.portalUser?.contact.languageTag, agentTimeZone: req.portalUser?.contact.timeZone,
            acceptLanguage: req.headers.first(name: .acceptLanguage), fallback: services.config.defaultLanguage)
    }

    func settings() async throws -> PortalSettings { try await services.portalStore.portalSettings() }

    /// The reader the help section filters for.
    static func reader(_ req: Request) -> PortalReader {
        req.portalUser.map { .contact($0.contact.kind) } ?? .visitor
    }

    func layout(_ req: Request, _ l: Localizer, title: String, settings: PortalSettings, searchQuery: String = "")
        async throws -> PortalLayout
    {
        let reader = Self.reader(req)
        var departments: [Department] = []
        if let user = req.portalUser {
            departments = PortalAccess(contact: user.contact, settings: settings)
                .departments(from: try await req.directorySnapshot(services).departments)
        }
        let notices = try await services.announcements.current(for: reader, departments: departments).compactMap {
            notice -> PortalLayout.Notice? in
            guard let title = notice.title.best(for: l.language) else { return nil }
            return PortalLayout.Notice(
                id: notice.id.description, title: title.text,
                html: notice.body.best(for: l.language).map { ArticleMarkdown.html($0.text) } ?? "")
        }
        let flashKey = (try? req.query.get(String.self, at: "flash")).flatMap { Self.flashKeys.contains($0) ? $0 : nil }
        // Where the language links come back to, query included (search results keep their words).
        let here = (req.url.path + (req.url.query.map { "?\($0)" } ?? ""))
            .addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(.init(charactersIn: "/-_.~"))) ?? base
        return PortalLayout(
            t: l.all, lang: l.language.rawValue, pageTitle: title, deskName: settings.deskName,
            hasLogo: settings.logoSHA256 != nil, base: base, csrf: Self.csrfToken(req),
            user: req.portalUser.map {
                .init(name: $0.contact.name, email: $0.contact.primaryEmail?.value ?? "", isEmployee: $0.contact.kind == .employee)
            },
            notices: notices,
            languages: [SupportedLanguage.portugueseBrazil, .portuguesePortugal, .english].map {
                .init(tag: $0.rawValue, label: l["language_\($0.rawValue)"], isCurrent: $0 == l.language)
            },
            flash: flashKey.map { l[$0] }, searchQuery: searchQuery, here: here)
    }

    /// Renders a portal page; a visitor's first page also sets the double-submit CSRF cookie its forms repeat.
    func render(_ req: Request, _ template: String, _ context: some Encodable, status: HTTPStatus = .ok)
        async throws -> Response
    {
        let response = try await req.view.render("portal/\(template)", context).encodeResponse(status: status, for: req)
        if req.portalUser == nil, req.cookies[PortalCookie.csrf] == nil {
            response.cookies[PortalCookie.csrf] = SessionCookie.value(
                Self.csrfToken(req), config: services.config, maxAge: 7 * 86400)
        }
        return response
    }

    private struct CSRFKey: StorageKey { typealias Value = String }

    /// The token forms on this page carry: the session's, the visitor's cookie, or a new one (kept for the request).
    static func csrfToken(_ req: Request) -> String {
        if let user = req.portalUser { return user.csrfToken }
        if let cookie = req.cookies[PortalCookie.csrf]?.string { return cookie }
        if let made = req.storage[CSRFKey.self] { return made }
        let token = Hex.random(bytes: 24)
        req.storage[CSRFKey.self] = token
        return token
    }

    /// Only portal paths are targets after signing in (no open redirects).
    func safeNext(_ next: String?) -> String? {
        guard let next, next.hasPrefix(base + "/") || next == base, !next.hasPrefix("//"), !next.contains("\\") else {
            return nil
        }
        return next
    }
}
