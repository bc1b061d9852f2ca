module.exports = eval("require")("../server/index.js");
