extension Array {
    /// The same elements in storage of exactly their count, or the array itself when it has no
    /// spare room: for an array kept long after it grew (lint keeps every file's).
    func exactlySized() -> [Element] {
        guard capacity > count else { return self }
        return [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
            initialized = buffer.initialize(fromContentsOf: self)
        }
    }
}
