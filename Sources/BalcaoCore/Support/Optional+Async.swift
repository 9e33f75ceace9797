extension Optional {
    /// `flatMap` for an async transform (looking up an optional id, say).
    public func asyncFlatMap<T>(_ transform: (Wrapped) async throws -> T?) async rethrows -> T? {
        guard let self else { return nil }
        return try await transform(self)
    }
}
