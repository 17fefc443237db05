import Foundation

/// The process's environment variables, read one at a time. `ProcessInfo`'s `environment`
/// copies every variable into a dictionary (and starts `ProcessInfo` itself), which costs a
/// command that asks for two or three of them more than the asking.
public enum ProcessEnvironment {
    /// The variable's value, or nil when it is not set.
    public static func value(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    /// A reader of the given variables, or of the process's when `variables` is nil (tests pass
    /// their own).
    public static func reader(_ variables: [String: String]?) -> (String) -> String? {
        guard let variables else { return value }
        return { variables[$0] }
    }
}
