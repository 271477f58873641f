import { Webhook } from "standardwebhooks";
import fs from "fs";
const [oldS, nextS, ts, sig, body] = fs.readFileSync("signed.txt", "utf8").split("\n");
const headers = { "webhook-id": "msg_1", "webhook-timestamp": ts, "webhook-signature": sig };
for (const [name, s] of [["old", oldS], ["new", nextS]]) {
  const w = new Webhook(s.replace("whsec_", ""));
  console.log(name, "secret verifies:", JSON.stringify(w.verify(body, headers)) !== undefined);
}
try { new Webhook("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").verify(body, headers); console.log("wrong secret verified?!"); } catch (e) { console.log("wrong secret refused:", e.message); }
try { new Webhook(nextS.replace("whsec_", "")).verify(body + " ", headers); console.log("tampered verified?!"); } catch (e) { console.log("tampered body refused:", e.message); }
