import Vapor

/// The landing page until the agent workspace arrives: says what runs here and where the API is.
enum HomePage {
    static func response() -> Response {
        let html = """
            <!doctype html>
            <html lang="pt-BR"><head><meta charset="utf-8"><title>Balcão</title>
            <meta name="viewport" content="width=device-width, initial-scale=1"></head>
            <body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; line-height: 1.5">
            <h1>Balcão</h1>
            <p>O balcão de ajuda está no ar. / The help desk is running.</p>
            <ul>
            <li>REST API v1: <code>/api/v1</code> (Authorization: Bearer &lt;token&gt;)</li>
            <li>OpenAPI: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a></li>
            <li>Health: <a href="/healthz">/healthz</a></li>
            </ul></body></html>
            """
        var headers = HTTPHeaders()
        headers.contentType = .html
        return Response(status: .ok, headers: headers, body: .init(string: html))
    }
}
