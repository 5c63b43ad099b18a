using System;
using System.Net;
using System.Net.Http;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Security;
using System.Threading;

namespace MrsJobs.Core.Http;

/// <summary>
/// Which proxy a session's requests go through (MRS and IAM alike): the system's (the default), one given
/// (<c>-Proxy</c>, <c>-ProxyCredential</c>), or none (<c>-NoProxy</c>). Loopback hosts never go through a
/// proxy. The HTTP connection pool is kept per <see cref="PoolKey"/>; the proxy is named in errors and
/// traces by <see cref="Display"/>, never with credentials.
/// </summary>
internal sealed class ProxyConfiguration
{
    // Identity of the credential given (the same PSCredential twice shares a pool; another one does not), without reading the password.
    private static readonly ConditionalWeakTable<SecureString, StrongBox<long>> CredentialIds = new();
    private static long _lastCredentialId;
    private static int _heldPasswords;
    private int _passwordDropped;
    private readonly Lazy<LoopbackBypassingProxy?> _naming;   // the same proxy without credentials, to name it

    private ProxyConfiguration(ProxyMode mode, Uri? address, string? userName, SecureString? password, string poolKey)
    {
        Mode = mode;
        Address = address;
        UserName = userName;
        Password = password;
        PoolKey = poolKey;
        _naming = new Lazy<LoopbackBypassingProxy?>(() => CreateWebProxy(withCredential: false), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The system's proxy settings (the default).</summary>
    public static ProxyConfiguration System { get; } = new(ProxyMode.System, null, null, null, "system");

    /// <summary>No proxy at all.</summary>
    public static ProxyConfiguration None { get; } = new(ProxyMode.None, null, null, null, "none");

    /// <summary>Where the proxy comes from.</summary>
    public ProxyMode Mode { get; }

    /// <summary>The proxy given, without user information; <c>null</c> unless <see cref="Mode"/> is <see cref="ProxyMode.Explicit"/>.</summary>
    public Uri? Address { get; }

    /// <summary>The user of the proxy credential given, when one was.</summary>
    public string? UserName { get; }

    /// <summary>What keys the connection pool: one HTTP client per distinct proxy, credential and mode.</summary>
    public string PoolKey { get; }

    /// <summary><c>true</c> when a proxy password is held (its pool is dropped once no session uses it).</summary>
    public bool HasCredential => Password is not null;

    /// <summary>A read-only copy of the proxy password; never shown. Dropped (<see cref="DropPassword"/>) when the session is forgotten, or when no session came of the connect.</summary>
    internal SecureString? Password { get; }

    /// <summary>How many proxy password copies are held in this process (for tests, and to see that none is left behind).</summary>
    internal static int HeldPasswords => Volatile.Read(ref _heldPasswords);

    /// <summary>Whether requests go through a proxy at all (<c>false</c> only with <see cref="ProxyMode.None"/>).</summary>
    public bool UsesProxy => Mode != ProxyMode.None;

    /// <summary>
    /// The proxy given. <paramref name="password"/> is copied; its identity (not its content) keys the pool.
    /// </summary>
    /// <exception cref="ArgumentException">The proxy is not an absolute http(s) URL, or carries user information, a path or a query.</exception>
    public static ProxyConfiguration Explicit(Uri address, string? userName = null, SecureString? password = null)
    {
        if (address is null || !address.IsAbsoluteUri || (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"The proxy '{(address is { IsAbsoluteUri: true } ? Display(address) : address?.OriginalString)}' is not an absolute http:// or https:// URL such as http://proxy.example.com:3128.", "Proxy");
        }

        if (!string.IsNullOrEmpty(address.UserInfo))
        {
            throw new ArgumentException($"The proxy '{Display(address)}' carries user information: give the proxy's user name and password with -ProxyCredential instead.", "Proxy");
        }

        if (address.AbsolutePath != "/" || !string.IsNullOrEmpty(address.Query) || !string.IsNullOrEmpty(address.Fragment))
        {
            throw new ArgumentException($"The proxy '{Display(address)}' must be a scheme, host and port only, without a path or query.", "Proxy");
        }

        var proxy = new Uri(Display(address));
        SecureString? copy = null;
        var credentialKey = string.Empty;
        if (password is not null)
        {
            copy = password.Copy();
            copy.MakeReadOnly();
            Interlocked.Increment(ref _heldPasswords);
            var id = CredentialIds.GetValue(password, _ => new StrongBox<long>(Interlocked.Increment(ref _lastCredentialId))).Value;
            credentialKey = $" as {userName} #{id}";
        }

        return new ProxyConfiguration(ProxyMode.Explicit, proxy, password is null ? null : userName, copy, $"explicit {proxy}{credentialKey}");
    }

    /// <summary>
    /// The configuration <c>-Proxy</c>, <c>-ProxyCredential</c> and <c>-NoProxy</c> ask for (as <c>Invoke-RestMethod</c>
    /// takes them): the system's settings when none is given.
    /// </summary>
    /// <exception cref="ArgumentException">-NoProxy with -Proxy, -ProxyCredential without -Proxy, or a proxy URL that cannot be one.</exception>
    public static ProxyConfiguration FromParameters(Uri? proxy, string? userName, SecureString? password, bool noProxy)
    {
        if (noProxy && (proxy is not null || password is not null))
        {
            throw new ArgumentException("-NoProxy sends every request directly: it cannot be used with -Proxy or -ProxyCredential.", "NoProxy");
        }

        if (proxy is null && password is not null)
        {
            throw new ArgumentException("-ProxyCredential is for the proxy given with -Proxy: add -Proxy (for example -Proxy http://proxy.example.com:3128).", "ProxyCredential");
        }

        return noProxy ? None : proxy is null ? System : Explicit(proxy, userName, password);
    }

    /// <summary>A proxy as errors and traces name it: <see cref="Urls.Shown(Uri)"/> with a trailing slash, never user information.</summary>
    public static string Display(Uri proxy) => Urls.Shown(proxy) + "/";

    /// <summary>Clears the password copy from memory, once: the session that held it was forgotten, or no session took it.</summary>
    internal void DropPassword()
    {
        if (Password is not null && Interlocked.Exchange(ref _passwordDropped, 1) == 0)
        {
            Password.Dispose();
            Interlocked.Decrement(ref _heldPasswords);
        }
    }

    /// <summary>The proxy as the handler sees it, without the credential (to name it, or to find .NET Framework's ServicePoint); <c>null</c> for none.</summary>
    public IWebProxy? WebProxyWithoutCredential => _naming.Value;

    /// <summary>The proxy a request to <paramref name="destination"/> goes through, or <c>null</c> when it goes direct.</summary>
    public Uri? ProxyFor(Uri destination) => _naming.Value?.ProxyFor(destination);

    /// <summary>
    /// A proxy for one HTTP handler, with its own copy of the credential (see <see cref="HttpClientPool"/>);
    /// <c>null</c> with <see cref="ProxyMode.None"/>, where the handler uses no proxy at all.
    /// </summary>
    public LoopbackBypassingProxy? CreateWebProxy(bool withCredential = true) => Mode switch
    {
        ProxyMode.None => null,
        ProxyMode.Explicit => new LoopbackBypassingProxy(new WebProxy(Address!)
        {
            BypassProxyOnLocal = false,
            Credentials = withCredential && Password is not null ? new NetworkCredential(UserName, Password) : null,
        }),
        _ => new LoopbackBypassingProxy(SystemDefault()),
    };

    /// <summary>How a session shows its proxy for <paramref name="endpoint"/>: the proxy and where it comes from, or why there is none.</summary>
    public string Describe(Uri endpoint)
    {
        var loopback = Urls.IsLoopback(endpoint);
        switch (Mode)
        {
            case ProxyMode.None:
                return "None (-NoProxy)";
            case ProxyMode.Explicit:
                return Display(Address!) + (UserName is null ? string.Empty : $" (user {UserName})") + (loopback ? ", not used for the loopback endpoint" : string.Empty);
            default:
                return loopback ? "None (loopback endpoint)"
                    : ProxyFor(endpoint) is { } proxy ? Display(proxy) + " (system settings)"
                    : "None (system settings)";
        }
    }

    /// <inheritdoc />
    public override string ToString() => Mode switch
    {
        ProxyMode.Explicit => Display(Address!),
        ProxyMode.None => "no proxy",
        _ => "the system's proxy settings",
    };

    // What HttpClient uses when no proxy is set: HttpClient.DefaultProxy (.NET Core 3.0 and later, not in
    // netstandard2.0, so by reflection), else WebRequest.DefaultWebProxy (.NET Framework's system settings).
    private static IWebProxy? SystemDefault() =>
        typeof(HttpClient).GetProperty("DefaultProxy", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as IWebProxy
        ?? WebRequest.DefaultWebProxy;
}
