import Vapor

/// First middleware of the API: every thrown error leaves as `application/problem+json`, with the real status.
struct ProblemMiddleware: Middleware {
    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        next.respond(to: request).flatMapErrorThrowing { error in
            var problem = Problem(error)
            problem.instance = request.url.path
            if problem.status >= 500 {
                request.logger.report(error: error)
            }
            return Self.response(for: problem)
        }
    }

    static func response(for problem: Problem) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "application", subType: "problem+json", parameters: ["charset": "utf-8"])
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let body = (try? encoder.encode(problem)) ?? Data("{}".utf8)
        return Response(
            status: HTTPResponseStatus(statusCode: problem.status), headers: headers, body: .init(data: body))
    }
}
