import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { PortalApp } from "./PortalApp";
import "./portal.css";

const container = document.getElementById("root");
if (!container) throw new Error("Élément #root absent de la page du portail");

createRoot(container).render(
  <StrictMode>
    <PortalApp />
  </StrictMode>,
);
