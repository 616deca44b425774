"""A file input that refuses a file over the size cap in the browser, before sending it.

Panel's FileInput sends any file the user picks; one over the websocket's message cap
closes the session without a word. This input checks the size first: a file over the cap
is never read, only its name and size go to the server, which shows the refusal in the
interface's language. A file within the cap goes to the server as base64 in one message
(5 MB of file is under 7 MB of message, below the transport cap of ``app.MAX_MESSAGE_BYTES``).
"""

from __future__ import annotations

import binascii
import logging
from base64 import b64decode
from collections.abc import Callable

import param
from panel.custom import JSComponent

from dashboards.state import MAX_FILE_BYTES

log = logging.getLogger(__name__)


class CaseUpload(JSComponent):
    accept = param.String(default=".yaml,.yml,.xlsx")
    max_bytes = param.Integer(default=MAX_FILE_BYTES, bounds=(1, None))
    locked = param.Boolean(default=False, doc="meeting mode: no file is taken")

    # The file's name goes into the DOM only as a property (input.files), never as HTML.
    _esm = """
    export function render({ model }) {
      const input = document.createElement("input");
      input.type = "file";
      input.accept = model.accept;
      input.disabled = model.locked;
      input.addEventListener("change", () => {
        const file = input.files[0];
        if (!file) return;
        if (file.size > model.max_bytes) {
          input.value = "";
          model.send_msg({refused: file.name, size: file.size});
          return;
        }
        const reader = new FileReader();
        reader.onload = () => {
          const url = String(reader.result);
          model.send_msg({name: file.name, data: url.slice(url.indexOf(",") + 1)});
          input.value = "";  // the same file, picked again after a fix, is sent again
        };
        reader.readAsDataURL(file);
      });
      model.on("accept", () => { input.accept = model.accept; });
      model.on("locked", () => { input.disabled = model.locked; });
      return input;
    }
    """

    def __init__(
        self,
        on_file: Callable[[bytes, str], None],
        on_refused: Callable[[str, int], None],
        **params,
    ):
        super().__init__(**params)
        self._on_file, self._on_refused = on_file, on_refused

    def _handle_msg(self, data) -> None:
        if not isinstance(data, dict) or self.locked:  # a client past the disabled input
            return
        name = str(data.get("refused") or data.get("name") or "upload")
        if "refused" in data:
            self._on_refused(name, int(data.get("size") or 0))
            return
        try:
            content = b64decode(str(data.get("data", "")), validate=True)
        except (binascii.Error, ValueError):  # only a client other than this page sends that
            log.warning("upload %r: the browser sent no valid base64", name[:80])
            return
        if len(content) > self.max_bytes:  # a client that skipped the check
            self._on_refused(name, len(content))
            return
        self._on_file(content, name)
