package dev.spfemu.tls;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;

/** A client TLS context that shows its certificate whatever CAs the server names, as a careless client may. */
public final class ForcedClientCertificate extends X509ExtendedKeyManager {

  private final TestPki.Issued client;

  private ForcedClientCertificate(TestPki.Issued client) {
    this.client = client;
  }

  public static SSLContext context(X509Certificate trusted, TestPki.Issued client) throws Exception {
    TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(PemCertificates.trustStore(List.of(trusted)));
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(new ForcedClientCertificate[] {new ForcedClientCertificate(client)}, trust.getTrustManagers(), null);
    return context;
  }

  @Override
  public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
    return "client";
  }

  @Override
  public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
    return "client";
  }

  @Override
  public String[] getClientAliases(String keyType, Principal[] issuers) {
    return new String[] {"client"};
  }

  @Override
  public X509Certificate[] getCertificateChain(String alias) {
    return client.chain().toArray(new X509Certificate[0]);
  }

  @Override
  public PrivateKey getPrivateKey(String alias) {
    return client.key();
  }

  @Override
  public String[] getServerAliases(String keyType, Principal[] issuers) {
    return null;
  }

  @Override
  public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
    return null;
  }
}
