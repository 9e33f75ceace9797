import BalcaoCore
import Vapor

/// `/api/v1/departments`: the desks. Everyone reads them; only admins change them (checked in the domain).
struct DepartmentsAPIController: RouteCollection {
    let services: BalcaoServices

    func boot(routes: any RoutesBuilder) throws {
        let departments = routes.grouped("departments")
        departments.get(use: list)
        departments.post(use: create)
        departments.get(":departmentID", use: show)
        departments.patch(":departmentID", use: update)
        departments.delete(":departmentID", use: delete)
    }

    @Sendable func list(req: Request) async throws -> DirectoryPageDTO<DepartmentDTO> {
        let query = try DirectoryListParameters.query(from: req.query)
        let departments = try await services.directory.departments(query)
        return DirectoryPageDTO(data: departments.map(DepartmentDTO.init), offset: query.offset, limit: query.limit)
    }

    @Sendable func show(req: Request) async throws -> DepartmentDTO {
        let id = try req.id("departmentID", as: Department.ID.self)
        guard let department = try await services.directory.department(id) else {
            throw DirectoryError.departmentNotFound(id)
        }
        return DepartmentDTO(department)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let fields = try req.content.decode(DepartmentRequest.self).fields
        let department = try await services.people.createDepartment(fields, by: try req.agent)
        return try await created(DepartmentDTO(department), at: "departments/\(department.id)", for: req)
    }

    @Sendable func update(req: Request) async throws -> DepartmentDTO {
        let fields = try req.content.decode(DepartmentRequest.self).fields
        let id = try req.id("departmentID", as: Department.ID.self)
        return DepartmentDTO(try await services.people.updateDepartment(id, fields, by: try req.agent))
    }

    @Sendable func delete(req: Request) async throws -> HTTPStatus {
        let id = try req.id("departmentID", as: Department.ID.self)
        try await services.people.deleteDepartment(id, by: try req.agent)
        return .noContent
    }
}
