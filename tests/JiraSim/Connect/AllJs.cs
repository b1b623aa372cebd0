namespace JiraSim.Connect;

/// <summary>
/// The simulator's <c>all.js</c>: the part of Atlassian's iframe bridge ("Connect JavaScript API") the app's pages
/// use — <c>AP.context.getToken()</c> (promise and callback forms), <c>AP.resize</c>, <c>AP.sizeToParent</c> — as
/// postMessage calls to the hosting page (<see cref="JiraPage"/>).
/// </summary>
public static class AllJs
{
    public const string Script = """
        (function () {
          "use strict";
          var next = 0, pending = {};
          window.addEventListener("message", function (event) {
            var m = event.data;
            if (event.source !== window.parent || !m || m.type !== "ap-response" || !pending[m.id]) return;
            var p = pending[m.id]; delete pending[m.id];
            if (m.error) p.reject(new Error(m.error)); else p.resolve(m.result);
          });
          function call(method, args) {
            return new Promise(function (resolve, reject) {
              var id = ++next; pending[id] = { resolve: resolve, reject: reject };
              window.parent.postMessage({ type: "ap-request", id: id, method: method, args: args || null }, "*");
            });
          }
          window.AP = {
            context: {
              getToken: function (callback) {
                var token = call("context.getToken");
                if (typeof callback === "function") token.then(callback, function () { callback(null); });
                return token;
              }
            },
            resize: function (width, height) { call("resize", { width: width, height: height }); },
            sizeToParent: function () { call("resize", { height: "100%" }); }
          };
        })();
        """;
}
