/// Reads `rabbitmq-plugins list`: one line per plugin, `[E*] rabbitmq_management 3.10.8`, where
/// the first mark is `E` (enabled explicitly), `e` (enabled as another plugin's dependency) or a
/// space, and the second `*` when the plugin runs on the node. The enabled marks come from the
/// `enabled_plugins` file the CLI reads; the running mark from the node, so `[ *]` is a plugin
/// that runs but is not in that file (the node was started with another one). A warning lists
/// enabled plugins that are not installed.
///
/// Finds `plugins-enabled` (E or e), `plugins-not-running` (E or e without `*`), `plugins-missing`
/// (1 when the missing-plugins warning is printed), and `management-plugin-running`,
/// `shovel-plugin-running`, `federation-plugin-running` (1 or 0).
enum RabbitPlugins {
  struct Plugin {
    var name: String
    var enabled: Bool
    var running: Bool
    var line: String
  }

  static func findings(_ lines: OutputLines) -> [Finding] {
    let text = lines.nonBlank.map(\.trimmed)
    guard text.contains(where: { $0.hasPrefix("Listing plugins with pattern") }) else { return [] }
    let plugins = text.compactMap(plugin)
    let enabled = plugins.filter(\.enabled)
    let stopped = enabled.filter { !$0.running }
    let missing = text.filter {
      $0.contains("enabled but missing") || $0.contains("plugins_not_found")
    }
    func running(_ name: String) -> Finding {
      let line = plugins.first { $0.name == name }
      return Finding(
        id: name.replacing("rabbitmq_", with: "") + "-plugin-running",
        value: line?.running == true ? 1 : 0,
        evidence: [line?.line ?? "\(name) is not installed"])
    }
    return [
      Finding(
        id: "plugins-enabled", value: Double(enabled.count),
        evidence: enabled.isEmpty
          ? ["no plugin enabled"] : Evidence.lines(enabled.map(\.line), noun: "plugins")),
      Finding(
        id: "plugins-not-running", value: Double(stopped.count),
        evidence: stopped.isEmpty
          ? ["every enabled plugin runs"] : Evidence.lines(stopped.map(\.line), noun: "plugins")),
      Finding(
        id: "plugins-missing", value: missing.isEmpty ? 0 : 1,
        evidence: missing.isEmpty ? ["no enabled plugin is missing"] : Evidence.lines(missing)),
      running("rabbitmq_management"), running("rabbitmq_shovel"), running("rabbitmq_federation"),
    ]
  }

  /// `[E*] rabbitmq_management 3.10.8` as a plugin.
  static func plugin(_ line: String) -> Plugin? {
    let characters = Array(line)
    guard characters.count > 5, characters[0] == "[", characters[3] == "]" else { return nil }
    let name = line.dropFirst(4).split(separator: " ").first.map(String.init) ?? ""
    guard !name.isEmpty else { return nil }
    return Plugin(
      name: name, enabled: characters[1] == "E" || characters[1] == "e",
      running: characters[2] == "*", line: line)
  }
}
