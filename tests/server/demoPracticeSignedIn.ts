import { loginResponse } from "../../shared/api/wire";
import { insertUser, type TestApp } from "./appOnFreshDatabase";
import { insertDemoPractice } from "./demoPracticeRows";

/**
 * A fresh app with the demo practice and Camille, a secretary serving it, signed in on a workstation
 * (`headers`); `login` signs in another account of the same password.
 */
export async function demoPracticeSignedIn(testApp: () => Promise<TestApp>) {
  const testing = await testApp();
  const rows = await insertDemoPractice(testing.pool);
  const camille = await insertUser(testing, "camille", "mot de passe solide", [rows.practice.id]);
  const login = async (login: string) => {
    const response = await testing.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { login, password: "mot de passe solide", deviceName: "Poste 1" },
    });
    return { authorization: `Bearer ${loginResponse.parse(response.json()).token}` };
  };
  return { ...testing, rows, camille, headers: await login("camille"), login };
}
