import BalcaoCore
import BalcaoStore
import Vapor

/// `/agent/admin/portal`: the portal's name, logo, colours, sign-up and sharing rules. Admins only
/// (`PortalAdministration` checks it).
struct PortalAdminPagesController: RouteCollection {
    let services: BalcaoServices

    func boot(routes: any RoutesBuilder) throws {
        let portal = routes.grouped("admin", "portal")
        portal.get(use: show)
        portal.on(.POST, body: .collect(maxSize: ByteCount(value: PortalAdministration.maxLogoBytes * 2 + 65536)), use: save)
    }

    struct Context: Encodable {
        let layout: LayoutContext
        let deskName: String
        let primaryColor: String
        let accentColor: String
        let signUpOpen: Bool
        let employeeDomains: String
        let showsOrganizationRequests: Bool
        let reopenWindowDays: Int
        let hasLogo: Bool
        let portalURL: String
        let portalPath: String
        let error: String?
    }

    struct Form: Content {
        let deskName: String?
        let primaryColor: String?
        let accentColor: String?
        let signUp: String?
        let employeeDomains: String?
        let showsOrganizationRequests: String?
        let reopenWindowDays: String?
        let removeLogo: String?
        let logo: File?
    }

    @Sendable func show(req: Request) async throws -> Response {
        try DirectoryService.requireAdmin(try req.session.agent)
        return try await render(req, try await services.portalStore.portalSettings(), error: nil)
    }

    @Sendable func save(req: Request) async throws -> Response {
        let agent = try req.session.agent
        let form = try req.content.decode(Form.self)
        let settings = PortalSettings(
            deskName: form.deskName ?? "", primaryColor: form.primaryColor ?? "", accentColor: form.accentColor ?? "",
            signUp: form.signUp == "open" ? .open : .closed,
            employeeDomains: (form.employeeDomains ?? "").split(whereSeparator: { $0 == "," || $0.isWhitespace }).map(String.init),
            showsOrganizationRequests: form.showsOrganizationRequests == "on",
            reopenWindowDays: Int(form.reopenWindowDays ?? "") ?? -1)
        let logo: PortalAdministration.LogoChange
        if let file = form.logo, file.data.readableBytes > 0 {
            logo = .replace(.init(data: Data(file.data.readableBytesView), contentType: file.contentType?.description ?? ""))
        } else {
            logo = form.removeLogo == "on" ? .remove : .keep
        }
        do {
            try await services.portalAdmin.save(settings, logo: logo, by: agent)
            return req.redirect(to: "/agent/admin/portal?flash=saved", redirectType: .normal)
        } catch let error where FormError.isUserError(error) {
            return try await render(req, settings, error: FormError.message(error), status: .unprocessableEntity)
        }
    }

    private func render(_ req: Request, _ settings: PortalSettings, error: String?, status: HTTPStatus = .ok)
        async throws -> Response
    {
        let frame = PageFrame(services: services)
        let l = frame.localizer(for: req, agent: try req.session.agent)
        return try await req.view.render(
            "agent/admin-portal",
            Context(
                layout: try await frame.layout(for: req, l, title: l["portal_settings"]), deskName: settings.deskName,
                primaryColor: settings.primaryColor, accentColor: settings.accentColor,
                signUpOpen: settings.signUp == .open, employeeDomains: settings.employeeDomains.joined(separator: ", "),
                showsOrganizationRequests: settings.showsOrganizationRequests,
                reopenWindowDays: settings.reopenWindowDays, hasLogo: settings.logoSHA256 != nil,
                portalURL: services.config.portalURL, portalPath: services.config.http.portalPath, error: error)
        ).encodeResponse(status: status, for: req)
    }
}
