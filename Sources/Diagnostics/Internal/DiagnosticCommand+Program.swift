import GuideKit

extension DiagnosticCommand {
  /// The program's name without its directory, for example `rabbitmqctl`.
  var program: String {
    String((argv.first ?? "").split(separator: "/").last ?? "")
  }
}
