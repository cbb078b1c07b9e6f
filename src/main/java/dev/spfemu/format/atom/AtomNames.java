package dev.spfemu.format.atom;

/** The XML namespaces and fixed names of OData's Atom and XML formats. */
final class AtomNames {

  static final String ATOM = "http://www.w3.org/2005/Atom";
  static final String APP = "http://www.w3.org/2007/app";
  static final String DATA = "http://schemas.microsoft.com/ado/2007/08/dataservices";
  static final String METADATA = "http://schemas.microsoft.com/ado/2007/08/dataservices/metadata";
  static final String SCHEME = "http://schemas.microsoft.com/ado/2007/08/dataservices/scheme";

  private AtomNames() {
  }
}
