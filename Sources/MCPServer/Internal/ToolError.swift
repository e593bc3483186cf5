/// Why a tool call failed, in one sentence, with the tool (and argument) it concerns.
struct ToolError: Error, CustomStringConvertible {
  /// The tool called.
  var tool: String
  /// The argument at fault, if one is.
  var argument: String?
  /// The sentence.
  var message: String

  init(tool: String, argument: String? = nil, _ message: String) {
    self.tool = tool
    self.argument = argument
    self.message = message
  }

  /// `tool(argument): message`.
  var description: String {
    let place = argument.map { "\(tool)(\($0))" } ?? tool
    let sentence = message.hasSuffix(".") || message.hasSuffix("?") ? message : message + "."
    return "\(place): \(sentence)"
  }
}
